import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { WalletHeader } from "@/components/wallet/wallet-header";
import { EscrowBanner } from "@/components/escrow/escrow-banner";
import { Providers } from "./providers";

// Every page is rendered per request: the CSP nonce (middleware.ts) must be stamped on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Akash Tenant Console",
  description: "Self-custody console for Akash Network tenants",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-screen flex-col">
        {/* The header is inside the providers: its wallet button needs the wallet and query contexts. */}
        <Providers>
          <header className="relative flex items-center gap-6 border-b border-neutral-200 bg-white px-4 py-2">
            <Link href="/" className="shrink-0 whitespace-nowrap font-semibold text-neutral-900">
              Akash Tenant Console
            </Link>
            <nav aria-label="Main" className="flex gap-4 whitespace-nowrap text-sm">
              <Link href="/new" className="hover:underline">New deployment</Link>
              <Link href="/templates" className="hover:underline">Templates</Link>
              <Link href="/drafts" className="hover:underline">Drafts</Link>
              <Link href="/deployments" className="hover:underline">Deployments</Link>
              <Link href="/providers" className="hover:underline">Providers</Link>
              <Link href="/gpus" className="hover:underline">GPUs</Link>
            </nav>
            <WalletHeader />
          </header>
          {/* a strip of its own under the header: inside the header's row it was squeezed to a narrow, tall column */}
          <EscrowBanner />
          <main className="flex min-h-0 flex-1 flex-col overflow-auto">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
