/** "Previous page" and "Next page" for a list paged by number: `href` gives each page's address. */
export function NumberedPager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          Previous page
        </a>
      ) : null}
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  );
}
