import { useEffect, useState } from "preact/hooks";

/** The console's pages, addressed by the URL's hash (`#/memory`) so a reload stays on the page. */
export const PAGES = ["chat", "memory", "tasks"] as const;
export type Page = (typeof PAGES)[number];

function pageOf(hash: string): Page {
  const name = hash.replace(/^#\/?/, "");
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : "chat";
}

/** The page the hash names (chat when it names none), following the browser's back and forward. */
export function useRoute(): Page {
  const [page, setPage] = useState(pageOf(location.hash));
  useEffect(() => {
    const follow = () => setPage(pageOf(location.hash));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return page;
}
