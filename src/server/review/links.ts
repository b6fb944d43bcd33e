/** Mini-program pages evidence rows link to. */
export const links = {
  event: (id: string) => `/packages/events/detail/index?id=${id}`,
  minutes: (eventId: string) => `/packages/review/minutes/index?eventId=${eventId}`,
  ledgerItem: (id: string) => `/packages/pairing/ledger-item/index?id=${id}`,
  pairing: (id: string) => `/packages/pairing/detail/index?id=${id}`,
  items: (pairingId: string) => `/packages/pairing/items/index?pairingId=${pairingId}&kind=need`,
  liaisons: (pairingId: string) => `/packages/pairing/liaisons/index?pairingId=${pairingId}`,
  agreement: (pairingId: string) => `/packages/pairing/agreement/index?pairingId=${pairingId}`,
  cadence: (branchId: string, month: string) => `/packages/review/cadence/index?branchId=${branchId}&month=${month}`,
  contactPoint: (id: string) => `/packages/review/contact-points/index?id=${id}`,
};
