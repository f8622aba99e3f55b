import Link from "next/link";

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Deploy on Akash, keys in your wallet</h1>
      <p className="mt-2 text-neutral-600">
        Write an SDL with exact validation, see what goes on chain, and keep your drafts.
      </p>
      <div className="mt-6 flex gap-3">
        <Link href="/new" className="rounded bg-neutral-900 px-4 py-2 text-white">New deployment</Link>
        <Link href="/templates" className="rounded border border-neutral-300 px-4 py-2">Start from a template</Link>
      </div>
    </div>
  );
}
