import Link from "next/link";

const STEPS = [
  { title: "Write the SDL", body: "Exact validation as you type, the groups and manifest that go on chain, and the cost at the SDL's prices." },
  { title: "Sign in your wallet", body: "Keplr, Leap or a Ledger. The console builds the transaction; your wallet shows it and signs it." },
  { title: "Compare live bids", body: "Bids appear as providers place them: price per month and per GPU-hour, region, GPU, auditor and uptime." },
  { title: "Accept and follow", body: "Accept a bid as a lease; the deployment, its leases and its deposit stay on this page." },
];

export default function HomePage() {
  return (
    <div className="mx-auto w-full max-w-4xl p-8">
      <h1 className="text-2xl font-semibold">Deploy on Akash, keys in your wallet</h1>
      <p className="mt-2 max-w-2xl text-neutral-600">
        A self-custody console: it talks to the chain and to providers itself, needs no hosted service, and never sees a
        private key. Your drafts stay in this console&apos;s own database.
      </p>
      <div className="mt-6 flex gap-3">
        <Link href="/new" className="rounded bg-neutral-900 px-4 py-2 text-white">New deployment</Link>
        <Link href="/templates" className="rounded border border-neutral-300 px-4 py-2">Start from a template</Link>
      </div>
      <ol className="mt-10 grid gap-4 sm:grid-cols-2" aria-label="How it works">
        {STEPS.map((s, i) => (
          <li key={s.title} className="rounded border border-neutral-200 bg-white p-4">
            <h2 className="font-medium">
              <span className="mr-2 text-neutral-400">{i + 1}.</span>
              {s.title}
            </h2>
            <p className="mt-1 text-sm text-neutral-600">{s.body}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
