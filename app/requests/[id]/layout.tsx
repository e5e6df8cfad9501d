import type { ReactNode } from "react";
import { placeholderParams } from "@/app/_lib/rendered-per-request";

export const generateStaticParams = placeholderParams("id");

export default function Layout({ children }: { children: ReactNode }) {
  return children;
}
