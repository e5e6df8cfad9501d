/** Words too common to tell claims apart: a suggestion is not made, nor a duplicate found, for sharing "the". */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an and are as at be been but by for from has have he her his in into is it its of on or that the their them they this to was were which who will with would said says not".split(
    " ",
  ),
);
