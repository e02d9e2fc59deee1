// The API as the offline app uses it: the sync port and the download of the households of the user's area.
import { api } from '../../api/client.ts';
import { createHousehold, fetchHousehold, searchHouseholds, type HouseholdView } from '../registry/api.ts';
import { addVisit } from '../registry/visitsApi.ts';
import type { Fields } from './conflict.ts';
import type { CachedHousehold } from './entries.ts';
import type { SyncPort } from './sync.ts';

/** The most households one download keeps on the device. */
export const DOWNLOAD_LIMIT = 200;

export function editableFields(h: HouseholdView): Fields {
  return {
    hukou: h.hukou, address: h.address, phone: h.phone, bankName: h.bankName, bankAccount: h.bankAccount, povertyFile: h.povertyFile,
    agricultural: h.agricultural, categories: h.categories, povertyCauses: h.povertyCauses, mainPovertyCause: h.mainPovertyCause,
  };
}

export const apiPort: SyncPort = {
  createHousehold,
  updateHousehold: (no, patch, expected) => api<void>(`/households/${encodeURIComponent(no)}`, { method: 'PATCH', body: { ...patch, expected } }),
  // Unmasked (audited): the clerk compares the values in full to resolve a conflict.
  currentFields: async (no) => editableFields((await fetchHousehold(no, true)).household),
  addVisit: async (no, visit) => {
    await addVisit(no, visit);
  },
};

/** The households of `areaCode` in full (each read audited as an unmasked view), for use without a connection. */
export async function downloadHouseholds(areaCode: string): Promise<CachedHousehold[]> {
  const page = await searchHouseholds({ area: areaCode }, 1, DOWNLOAD_LIMIT);
  const out: CachedHousehold[] = [];
  for (const hit of page.items) {
    const detail = await fetchHousehold(hit.householdNo, true);
    out.push({ householdNo: hit.householdNo, villageCode: hit.villageCode, villageName: hit.villageName, headName: hit.headName, fields: editableFields(detail.household) });
  }
  return out;
}
