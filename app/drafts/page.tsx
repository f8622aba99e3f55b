import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { cookies } from "next/headers";
import { draftsRepository } from "@/lib/db/drafts";
import { draftOwner } from "@/lib/drafts/owner.server";
import { DRAFTS_PAGE_SIZE } from "@/lib/drafts/schemas";
import { parsePage } from "@/lib/http/page-param";
import { DraftList } from "@/components/drafts/draft-list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Drafts · Akash Tenant Console" };

export default async function DraftsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const page = parsePage((await searchParams).page);
  const { items, total } = await draftsRepository(getDb()).list(await draftOwner(await cookies()), { take: DRAFTS_PAGE_SIZE, skip: (page - 1) * DRAFTS_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / DRAFTS_PAGE_SIZE));
  return (
    <div className="mx-auto w-full max-w-4xl p-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Drafts</h1>
        <Link href="/new" className="rounded bg-neutral-900 px-3 py-1.5 text-sm text-white">New draft</Link>
      </div>
      <DraftList drafts={items.map((d) => ({ id: d.id, name: d.name, updatedAt: d.updatedAt.toISOString(), size: d.size }))} />
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {page > 1 && <Link href={`/drafts?page=${page - 1}`}>Previous</Link>}
          <span>Page {page} of {pages}</span>
          {page < pages && <Link href={`/drafts?page=${page + 1}`}>Next</Link>}
        </nav>
      )}
    </div>
  );
}
