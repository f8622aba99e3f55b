/**
 * The devnet's documented test accounts (public mnemonics, see the README). Anyone can sign as them, so on any
 * network but the devnet a sign-in by one of them proves nothing and is refused. lib/ may not import devnet/, so
 * the addresses are listed here; lib/auth/devnet-accounts.test.ts checks them against devnet/accounts.ts.
 */
export const DEVNET_ACCOUNT_ADDRESSES: ReadonlySet<string> = new Set([
  // tenant1, tenant2, tenant3
  "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy",
  "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k",
  "akash1k4x7q2cg8vr4nqpr3lzhvxkxwmdm4dxv52s5tg",
  // auditor1
  "akash1khmd7kacj53d5zqt3mjnzzngq8aq9c5lzr7egl",
  // the simulated providers
  "akash1m0qq8c7qw86pqdape734zj46c23y6xf6nq6u5p",
  "akash1rdqhe6eu7va0rfrfrze377fdahkcg80wdr959a",
  "akash1jgnk6ef672g29a4pyr5e34rne52j02apwvqclm",
  "akash1597jdkx6tlkrnv0ct52sg3yapmhakawhsw8qlr",
  "akash10v3ary9k0erl8grqmkdsghmvfzgjlqtlzp7s3t",
  "akash1xmj6wpyw6mtfsehmdvp60v6az6sppvns7qew96",
]);

export function isDevnetAccount(address: string): boolean {
  return DEVNET_ACCOUNT_ADDRESSES.has(address);
}
