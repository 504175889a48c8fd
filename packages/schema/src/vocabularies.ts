/** Controlled lists shared by the node, the hub, the portal and partners' own systems. */

export const INNOVATION_KINDS = [
  'idea',
  'innovation',
  'initiative',
  'research_finding',
  'service_story',
  'staff_recognition',
] as const;

export const INNOVATION_THEMES = [
  'reducing_restrictive_practice',
  'crisis_care',
  'peer_support_and_lived_experience',
  'community_partnership',
  'workforce_wellbeing',
  'prevention_and_early_intervention',
  'digital',
  'carers',
  'primary_care',
  'recovery',
  'inclusion_and_accessibility',
] as const;

export const EVIDENCE_LEVELS = ['idea', 'pilot', 'evaluated', 'peer_reviewed'] as const;

/** Draft, submitted and withdrawn are a node's; scheduled and published are the hub's. */
export const INNOVATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'scheduled',
  'published',
] as const;

export const ORGANISATION_TYPES = [
  'nhs_trust',
  'primary_care',
  'local_authority',
  'vcfse',
  'police',
  'ambulance',
  'university',
  'commissioner',
] as const;

export const IDENTIFIER_SCHEMES = [
  'charity_number',
  'company_number',
  'nhs_ods_code',
  'other',
] as const;

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

export const SERVICE_CATEGORIES = [
  'crisis',
  'home_treatment',
  'peer_support',
  'befriending',
  'wellbeing',
  'step_down',
  'social_prescribing',
  'talking_therapies',
  'carers_support',
  'care_navigation',
  'high_intensity',
  'community_mental_health',
  'advice_and_advocacy',
] as const;

export const URGENCIES = ['emergency', 'urgent', 'non_urgent'] as const;

export const REFERRAL_ROUTES = [
  'self',
  'carer_family',
  'gp',
  'named_team',
  'professional',
  'step_down',
] as const;

export const PHONE_TYPES = ['voice', 'text', 'textphone', 'video', 'fax'] as const;

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const LOCATION_TYPES = ['physical', 'virtual'] as const;

/** Human words for each controlled value, for pages and emails. */
export const LABELS: Readonly<Record<string, string>> = {
  idea: 'Idea',
  innovation: 'Innovation',
  initiative: 'Initiative',
  research_finding: 'Research finding',
  service_story: 'Service story',
  staff_recognition: 'Staff recognition',
  reducing_restrictive_practice: 'Reducing restrictive practice',
  crisis_care: 'Crisis care',
  peer_support_and_lived_experience: 'Peer support and lived experience',
  community_partnership: 'Community partnership',
  workforce_wellbeing: 'Workforce wellbeing',
  prevention_and_early_intervention: 'Prevention and early intervention',
  digital: 'Digital',
  carers: 'Carers',
  primary_care: 'Primary care',
  recovery: 'Recovery',
  inclusion_and_accessibility: 'Inclusion and accessibility',
  pilot: 'Pilot',
  evaluated: 'Evaluated',
  peer_reviewed: 'Peer reviewed',
  crisis: 'Crisis',
  home_treatment: 'Home treatment',
  peer_support: 'Peer support',
  befriending: 'Befriending',
  wellbeing: 'Wellbeing',
  step_down: 'Step-down',
  social_prescribing: 'Social prescribing',
  talking_therapies: 'Talking therapies',
  carers_support: 'Support for carers',
  care_navigation: 'Care navigation',
  high_intensity: 'High-intensity intervention',
  community_mental_health: 'Community mental health',
  advice_and_advocacy: 'Advice and advocacy',
  emergency: 'Emergency',
  urgent: 'Urgent',
  non_urgent: 'Not urgent',
  self: 'You can refer yourself',
  carer_family: 'Carers and family can call',
  gp: 'Your GP can refer you',
  named_team: 'Referral from a named team',
  professional: 'Any professional can refer',
};

/**
 * How far a partner has taken up another partner's piece (an `adoption` record, schema 1.1):
 * looking into it, trying it in one place, using it as usual practice, or no longer using it.
 */
export const ADOPTION_STAGES = ['exploring', 'piloting', 'adopted', 'stopped'] as const;
