/**
 * Words people search for that mean the same in mental-health care: abbreviations, UK and US
 * spellings, and names the same kind of service goes by. Each group lists phrases of plain words
 * (lower case, no punctuation: "A&E" is searched as "a e", "peer-run" as "peer run"); a query that
 * holds any of them finds the others. Accents need no entry: the index ignores them (café = cafe).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['camhs', 'child and adolescent mental health'],
  ['a e', 'ed', 'emergency department', 'accident and emergency'],
  ['bsl', 'british sign language'],
  ['asl', 'american sign language'],
  ['peer support', 'peer run', 'peer led', 'peer delivered', 'peer supporters'],
  ['crisis cafe', 'safe haven', 'sanctuary', 'crisis sanctuary'],
  ['gp', 'general practitioner', 'family doctor'],
  ['lived experience', 'experts by experience'],
  ['ptsd', 'post traumatic stress'],
  ['adhd', 'attention deficit'],
  ['nhs 111', '111'],
  ['behaviour', 'behavior'],
  ['behavioural', 'behavioral'],
  ['organisation', 'organization'],
  ['programme', 'program'],
  ['centre', 'center'],
  ['counselling', 'counseling'],
  ['paediatric', 'pediatric'],
  ['colour', 'color'],
  ['licence', 'license'],
  ['practise', 'practice'],
  ['neighbourhood', 'neighborhood'],
  ['stigmatise', 'stigmatize'],
  ['recognise', 'recognize'],
  ['specialise', 'specialize'],
  ['hospitalisation', 'hospitalization'],
  ['defence', 'defense'],
  ['favour', 'favor'],
  ['labour', 'labor'],
];
