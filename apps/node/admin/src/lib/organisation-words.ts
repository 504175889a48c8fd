/** Organisation types in plain words. */
export const ORGANISATION_TYPE_WORDS: Record<string, string> = {
  nhs_trust: 'NHS trust',
  primary_care: 'Primary care (GP practice or network)',
  local_authority: 'Local authority',
  vcfse: 'Voluntary, community or social enterprise',
  police: 'Police',
  ambulance: 'Ambulance service',
  university: 'University',
  commissioner: 'Commissioner',
};
