"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { createStanceAction } from "@/app/_actions/writes";
import { ActionProblem } from "@/app/_components/forms/action-problem";
import { Field, invalidProps } from "@/app/_components/forms/field";
import { useHydrated } from "@/app/_components/forms/use-hydrated";
import { useWrite } from "@/app/_components/forms/use-write";
import type { Option } from "@/app/_components/forms/speaker-fields";
import { NEW_READING, readingInput, StanceReadingFields, type StanceReading } from "@/app/_components/forms/stance-reading-fields";
import { POSITION_LABEL } from "@/lib/labels";

type Suggestion = { id: string; slug: string; text: string; status: string; topic: string };
type Selection = { quote: string; start?: number; end?: number };
/** A stored claim that may already say what a new claim's wording says (decision 0022). */
type Similar = { id: string; slug: string; text: string; score: number };

const NEW_CLAIM = "__new";

/** Offset in the source of a DOM boundary point inside the text (see HighlightedText's data-start). */
function offsetOf(container: HTMLElement, node: Node, offset: number, pieces: HTMLElement[]): number {
  const owner = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>("[data-start]");
  if (owner && container.contains(owner) && node.nodeType === Node.TEXT_NODE) return Number(owner.dataset.start) + offset;
  // A boundary between elements (or inside a reference): the next piece of text starts there.
  const point = document.createRange();
  point.setStart(node, offset);
  const next = pieces.find((piece) => point.comparePoint(piece, 0) >= 0);
  if (!next) {
    const last = pieces.at(-1);
    return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : 0;
  }
  return Number(next.dataset.start);
}

/** The selection inside `container` as source offsets and the exact words, trimmed of outer spaces. */
function readSelection(container: HTMLElement): Selection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const pieces = [...container.querySelectorAll<HTMLElement>("[data-start]")];
  const text = pieces.map((p) => p.textContent ?? "").join("");
  let start = offsetOf(container, range.startContainer, range.startOffset, pieces);
  let end = offsetOf(container, range.endContainer, range.endOffset, pieces);
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end <= start) return null;
  return { quote: text.slice(start, end), start, end };
}

type Props = { sourceId: string; actors: Option[]; topics: Option[]; children: ReactNode };

/**
 * The source's text, made taggable: select a passage (mouse, or keyboard with caret
 * browsing) or press "Tag a passage" and type the words; then pick or write the claim, the
 * position, how it is put and who says it. The server checks the words against the text.
 */
export function TaggingPanel({ sourceId, actors, topics, children }: Props) {
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [selection, setSelection] = useState<Selection>({ quote: "" });
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [claimId, setClaimId] = useState("");
  // The claim picked stays listed (first) even when a later search no longer finds it.
  const [picked, setPicked] = useState<Suggestion | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusPanel = useRef(false);
  const [newClaim, setNewClaim] = useState({ text: "", topic: topics[0]?.id ?? "" });
  const [similar, setSimilar] = useState<{ text: string; claims: Similar[] }>({ text: "", claims: [] });
  const [reading, setReading] = useState<StanceReading>(NEW_READING);
  const [saved, setSaved] = useState<{ slug: string; claim: string; position: string } | null>(null);
  const { problem, errors, pending, run, reset } = useWrite();
  const hydrated = useHydrated();

  const capture = useCallback(() => {
    const container = textRef.current;
    if (!container) return;
    const picked = readSelection(container);
    if (!picked) return;
    setSelection(picked);
    setQuery(picked.quote);
    setOpen(true);
    setSaved(null);
    reset();
  }, [reset]);

  useEffect(() => {
    const container = textRef.current;
    if (!container) return;
    const onKey = (event: KeyboardEvent) => event.shiftKey && capture();
    container.addEventListener("mouseup", capture);
    container.addEventListener("keyup", onKey);
    return () => {
      container.removeEventListener("mouseup", capture);
      container.removeEventListener("keyup", onKey);
    };
  }, [capture]);

  // Search as you type, best matches to the words first.
  useEffect(() => {
    if (!open) return;
    const words = query.trim();
    // No words: nothing is fetched, and nothing is shown (`shown` below).
    if (!words) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/claim-suggestions?q=${encodeURIComponent(words.slice(0, 500))}`, { signal: controller.signal });
        if (response.ok) setSuggestions(((await response.json()) as { claims: Suggestion[] }).claims);
      } catch {
        // A newer query replaced this one.
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, open]);

  // A new claim's wording: the stored claims that may already say it, before a duplicate is made.
  useEffect(() => {
    const text = newClaim.text.trim();
    if (claimId !== NEW_CLAIM || text.split(/\s+/).length < 3) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/claim-suggestions?similar=${encodeURIComponent(text.slice(0, 1_000))}`, { signal: controller.signal });
        if (response.ok) setSimilar({ text, claims: ((await response.json()) as { claims: Similar[] }).claims });
      } catch {
        // A newer wording replaced this one.
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [newClaim.text, claimId]);

  useEffect(() => {
    if (open && focusPanel.current) headingRef.current?.focus();
    focusPanel.current = false;
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function pick(claim: Suggestion | null) {
    setPicked(claim);
    setClaimId(claim ? claim.id : NEW_CLAIM);
  }

  // Suggestions for words since cleared are not shown.
  const shown = query.trim() ? suggestions : [];
  const listed = picked && !shown.some((s) => s.id === picked.id) ? [picked, ...shown] : shown;

  function save() {
    const input = {
      sourceId,
      quote: selection.quote,
      ...(selection.start !== undefined ? { start: selection.start, end: selection.end } : {}),
      claim: claimId === NEW_CLAIM ? { new: newClaim } : { id: claimId },
      ...readingInput(reading),
    };
    const claimText = claimId === NEW_CLAIM ? newClaim.text : (picked?.text ?? "");
    run(
      () => createStanceAction(input),
      ({ claimSlug }) => {
        setSaved({ slug: claimSlug, claim: claimText, position: reading.position });
        setOpen(false);
        setSelection({ quote: "" });
        setClaimId("");
        setPicked(null);
        setReading({ ...reading, note: "" });
        window.getSelection()?.removeAllRanges();
        router.refresh();
      },
    );
  }

  return (
    <div className="tagging">
      <div className="tagging-actions">
        <button
          type="button"
          ref={buttonRef}
          disabled={!hydrated}
          onClick={() => {
            focusPanel.current = true;
            setOpen(true);
            setSaved(null);
          }}
          aria-expanded={open}
          aria-controls="tagging-panel"
        >
          Tag a passage
        </button>{" "}
        <span className="muted">or select words in the text.</span>
      </div>
      {saved ? (
        <p className="notice" role="status">
          Linked to “{saved.claim}” as {POSITION_LABEL[saved.position as keyof typeof POSITION_LABEL]?.toLowerCase()}.{" "}
          <a href={`/claims/${saved.slug}`}>Open the claim</a>
        </p>
      ) : null}
      <div ref={textRef}>{children}</div>
      {open ? (
        <section
          id="tagging-panel"
          className="tagging-panel"
          aria-label="Link a passage to a claim"
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        >
          <h2 ref={headingRef} tabIndex={-1}>
            Link a passage to a claim
          </h2>
          <ActionProblem result={problem} />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
            noValidate
          >
            <Field id="tag-quote" label="The words (exactly as in the text)" error={errors.quote ?? errors.start ?? errors.end}>
              <textarea
                id="tag-quote"
                rows={3}
                value={selection.quote}
                onChange={(e) => setSelection({ quote: e.target.value })}
                {...invalidProps("tag-quote", errors.quote)}
              />
            </Field>
            {selection.start !== undefined ? (
              <p className="muted">
                Characters {selection.start}–{selection.end} of the text.
              </p>
            ) : null}

            <fieldset>
              <legend>Claim</legend>
              <Field id="claim-search" label="Find a claim" hint="Claims that share the most words come first.">
                <input id="claim-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
              </Field>
              <div role="radiogroup" aria-label="Claims found" {...invalidProps("claim-choice", errors.claim ?? errors["claim.id"])}>
                {listed.map((s) => (
                  <label key={s.id} className="choice">
                    <input type="radio" name="claim" value={s.id} checked={claimId === s.id} onChange={() => pick(s)} /> {s.text}{" "}
                    {s.topic ? <span className="muted">({s.topic})</span> : null}
                  </label>
                ))}
                {query.trim() && shown.length === 0 ? <p className="muted">No claim shares these words.</p> : null}
                <label className="choice">
                  <input type="radio" name="claim" value={NEW_CLAIM} checked={claimId === NEW_CLAIM} onChange={() => pick(null)} /> A new claim
                </label>
              </div>
              {errors.claim || errors["claim.id"] ? (
                <p className="field-error" id="claim-choice-error">
                  {errors.claim ?? errors["claim.id"]}
                </p>
              ) : null}
              {claimId === NEW_CLAIM ? (
                <div className="field-group">
                  <Field id="new-claim-text" label="The new claim, as one checkable sentence" error={errors["claim.new.text"]}>
                    <textarea
                      id="new-claim-text"
                      rows={2}
                      value={newClaim.text}
                      onChange={(e) => setNewClaim({ ...newClaim, text: e.target.value })}
                      {...invalidProps("new-claim-text", errors["claim.new.text"])}
                    />
                  </Field>
                  {similar.text === newClaim.text.trim() && similar.claims.length > 0 ? (
                    <div className="notice" role="status" aria-label="Claims that may say the same">
                      <p>These claims may already say this. Link the passage to one of them instead of adding a duplicate:</p>
                      <ul>
                        {similar.claims.map((c) => (
                          <li key={c.id}>
                            “{c.text}” <span className="muted">(similarity {c.score.toFixed(2)})</span>{" "}
                            <button type="button" className="secondary" onClick={() => pick({ id: c.id, slug: c.slug, text: c.text, status: "", topic: "" })}>
                              Use this claim
                            </button>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <Field id="new-claim-topic" label="Topic" error={errors["claim.new.topic"]}>
                    <select id="new-claim-topic" value={newClaim.topic} onChange={(e) => setNewClaim({ ...newClaim, topic: e.target.value })}>
                      {topics.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
              ) : null}
            </fieldset>

            <StanceReadingFields id="tag" value={reading} onChange={setReading} actors={actors} errors={errors} />

            <div className="buttons">
              <button type="submit" disabled={pending}>
                Save the stance
              </button>{" "}
              <button type="button" className="secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
