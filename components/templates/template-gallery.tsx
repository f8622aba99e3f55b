"use client";
import Link from "next/link";
import { useState } from "react";
import { searchTemplates, TEMPLATE_CATEGORY_LABELS, type TemplateCategory } from "@/lib/templates/catalog";

export function TemplateGallery() {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<TemplateCategory | "">("");
  const results = searchTemplates(query, category || undefined);

  return (
    <>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">Search templates</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search templates (e.g. llama, database)"
            aria-label="Search templates"
            className="w-72 rounded border border-neutral-300 px-3 py-1.5"
          />
        </label>
        <div role="group" aria-label="Category" className="flex flex-wrap gap-1 text-sm">
          {(["", ...Object.keys(TEMPLATE_CATEGORY_LABELS)] as (TemplateCategory | "")[]).map((c) => (
            <button
              key={c || "all"}
              type="button"
              aria-pressed={category === c}
              onClick={() => setCategory(c)}
              className={`rounded-full border px-3 py-0.5 ${category === c ? "border-neutral-900 bg-neutral-900 text-white" : "border-neutral-300"}`}
            >
              {c ? TEMPLATE_CATEGORY_LABELS[c] : "All"}
            </button>
          ))}
        </div>
      </div>
      <p className="mt-3 text-sm text-neutral-500" aria-live="polite">{results.length} templates</p>
      <ul className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Templates">
        {results.map((t) => (
          <li key={t.slug} className="flex flex-col rounded border border-neutral-200 bg-white p-4">
            <h2 className="font-medium">{t.name}</h2>
            <p className="mt-1 flex-1 text-sm text-neutral-600">{t.summary}</p>
            <p className="mt-2 flex flex-wrap gap-1 text-xs">
              {t.categories.map((c) => (
                <span key={c} className="rounded bg-neutral-100 px-1.5 py-0.5 text-neutral-700">{TEMPLATE_CATEGORY_LABELS[c]}</span>
              ))}
            </p>
            <Link href={`/new?template=${t.slug}`} className="mt-3 self-start rounded bg-neutral-900 px-3 py-1 text-sm text-white" aria-label={`Open ${t.name} in the editor`}>
              Open in editor
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
