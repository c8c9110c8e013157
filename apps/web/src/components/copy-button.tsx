"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so; when the browser refuses, tells the user to copy by hand. */
export function CopyButton({ text, label = "Copy", className = "" }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState("copied");
        } catch {
          setState("failed");
        }
      }}
      className={`rounded-md border border-slate-300 bg-white px-3 py-1 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-50 ${className}`}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy it by hand" : label}
    </button>
  );
}
