import { countWords } from '@promise-global/schema';
import type { Bulletin } from '../bulletin/bulletin.js';
import type { IsoWeek } from '../schedule/iso-week.js';

const PARAGRAPHS = [
  'Our crisis café opened in a community centre near the bus station, staffed every evening by two peer workers and a mental health nurse. People can walk in without a referral, and carers may come on their own.',
  'We wanted somewhere calm that was not an emergency department. The room has soft lighting, a kettle, board games and a quiet corner. Nobody is asked for an NHS number at the door; we ask what would help tonight.',
  'In the first six months the team met over four hundred visitors. Most came back once or twice, and many said it was the first time they had felt listened to in a crisis. Staff describe the work as slow, human and hopeful.',
  'The police and ambulance service now suggest the café to people who do not need a hospital. A shared phone line means a paramedic can talk to the nurse on duty before bringing someone over, which saves long waits for everyone.',
  'We learned that small details matter: a clear sign outside, a named person who greets each visitor, and a promise that we will help with the next step, whether that is a GP appointment, a housing adviser or simply a bus home.',
];

/** A fictional Project 52 body of about `words` words, with headings, a list, a link and hostile markup. */
export function fictionalBody(words: number): string {
  const parts = [
    '## Why we started',
    PARAGRAPHS[0] ?? '',
    '- open **6pm to 11pm**, every day\n- no referral needed\n- carers welcome',
    'Read the [evaluation summary](https://example.org/crisis-cafe) or [this](javascript:alert(1)). <script>alert("x")</script>',
    '## What we learned',
  ];
  let index = 1;
  while (countWords(parts.join('\n\n')) < words) {
    parts.push(PARAGRAPHS[index % PARAGRAPHS.length] ?? '');
    index++;
  }
  let body = parts.join('\n\n');
  while (countWords(body) > words) body = body.replace(/\s+\S+\s*$/, '.');
  return body;
}

export function fictionalBulletin(
  options: { week?: IsoWeek; words?: number; title?: string } = {},
): Bulletin {
  const week = options.week ?? '2026-W41';
  return {
    week,
    url: `https://hub.example.org/project52/${week}`,
    publishedAt: new Date('2026-10-05T09:00:00Z'),
    piece: {
      recordId: '6f9d3c1e-2b7a-4c59-9a51-0d7e4f1b2a10',
      title: options.title ?? 'A crisis café that feels like a living room',
      partnerName: 'Northshire Mental Health Partnership',
      themes: ['crisis_care', 'peer_support_and_lived_experience'],
      kind: 'service_story',
      summary:
        'An evening walk-in café, run with peer workers, where people in crisis are met without a referral.',
      body: fictionalBody(options.words ?? 500),
      setting: 'Community crisis team',
      contact: { role: 'Crisis café lead', email: 'crisis-cafe@example.org' },
      url: 'https://portal.example.org/innovations/6f9d3c1e-2b7a-4c59-9a51-0d7e4f1b2a10',
    },
    alsoNew: {
      services: [
        {
          title: 'Evening befriending line',
          partnerName: 'Riverside Wellbeing',
          url: 'https://portal.example.org/services/1',
        },
        {
          title: 'Step-down house',
          partnerName: 'Northshire Mental Health Partnership',
          url: 'https://portal.example.org/services/2',
        },
      ],
      pieces: [
        {
          title: 'Peer support in the emergency department',
          partnerName: 'Lakeside Trust',
          url: 'https://portal.example.org/innovations/3',
        },
      ],
    },
  };
}
