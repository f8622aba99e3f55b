/**
 * The devnet's documented test accounts (also listed in the README). These mnemonics guard nothing:
 * they exist only in this local network. Never use them on sandbox-2 or akashnet-2.
 */
export interface DevnetAccount {
  name: string;
  mnemonic: string;
  /** bech32 address at m/44'/118'/0'/0/0 */
  address: string;
}

export const TENANT1: DevnetAccount = {
  name: "tenant1",
  mnemonic: "test test test test test test test test test test test junk",
  address: "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy",
};

export const TENANT2: DevnetAccount = {
  name: "tenant2",
  mnemonic: "envelope myself predict shuffle wealth section want furnace rebuild devote siren assist tape divert write eight special unique obtain identify cabin goat joy bring",
  address: "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k",
};

export const TENANT3: DevnetAccount = {
  name: "tenant3",
  mnemonic: "romance quality dinner trick garden slim viable manage champion color concert boss crouch arch below acquire essay unique guard type bulk exchange snack wall",
  address: "akash1k4x7q2cg8vr4nqpr3lzhvxkxwmdm4dxv52s5tg",
};

export const AUDITOR1: DevnetAccount = {
  name: "auditor1",
  mnemonic: "sound fine gauge indoor damp fault ladder scan minor unusual negative cross select book can paddle type intact skin inflict misery swear talk base",
  address: "akash1khmd7kacj53d5zqt3mjnzzngq8aq9c5lzr7egl",
};

/** Six simulated providers, in the order of their gateway ports (8443 upward). */
export const PROVIDER_ACCOUNTS: readonly DevnetAccount[] = [
  {
    name: "provider1",
    mnemonic: "alone pool rocket legal taste shed gown pill explain push ocean truly oblige common enlist foster dismiss globe ancient curve bamboo toast foil vault",
    address: "akash1m0qq8c7qw86pqdape734zj46c23y6xf6nq6u5p",
  },
  {
    name: "provider2",
    mnemonic: "sight indoor road insect melody muscle engine wonder half puppy hotel brief catch total shift away observe spike ship allow movie bronze tackle tell",
    address: "akash1rdqhe6eu7va0rfrfrze377fdahkcg80wdr959a",
  },
  {
    name: "provider3",
    mnemonic: "popular inflict globe laptop source major because general donate photo organ praise awful august ask kiss spawn style foil celery near gather person winter",
    address: "akash1jgnk6ef672g29a4pyr5e34rne52j02apwvqclm",
  },
  {
    name: "provider4",
    mnemonic: "cabbage crazy lecture message fresh pulse curtain mango middle grow spice bundle cricket split timber joy meat permit angry cloth horn scout skill blossom",
    address: "akash1597jdkx6tlkrnv0ct52sg3yapmhakawhsw8qlr",
  },
  {
    name: "provider5",
    mnemonic: "radar device uncover boy tenant pelican glide opera useful never neutral object opera slow siren pilot blast erupt model jaguar toast book vacuum nation",
    address: "akash10v3ary9k0erl8grqmkdsghmvfzgjlqtlzp7s3t",
  },
  {
    name: "provider6",
    mnemonic: "dwarf engage plunge embark mass switch neck east one flat mechanic nothing valve tired alcohol furnace plastic ivory pipe random fresh reveal play movie",
    address: "akash1xmj6wpyw6mtfsehmdvp60v6az6sppvns7qew96",
  },
];

export const TEST_TENANTS: readonly DevnetAccount[] = [TENANT1, TENANT2, TENANT3];
