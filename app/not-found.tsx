import Link from "next/link";

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Not found</h1>
      <p>There is no claim, source or speaker at this address. It may have been mistyped.</p>
      <p>
        <Link href="/claims">Browse all claims</Link> or <Link href="/sources">all sources</Link>.
      </p>
    </section>
  );
}
