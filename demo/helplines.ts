import type { HubConfigInput } from '@promise-global/hub';

/**
 * The national numbers the demo hub's operator sets (real, public numbers: they are what a
 * person in crisis in each country is told to use), shown in every portal page's help box.
 */
export const DEMO_HELPLINES: NonNullable<HubConfigInput['nationalHelplines']> = {
  GB: [
    {
      name: 'Emergency services',
      number: '999',
      emergency: true,
      description: 'If someone is in danger now',
    },
    {
      name: 'NHS 111, option 2',
      number: '111',
      description: 'Choose option 2 for mental health, any time',
    },
    { name: 'Samaritans', number: '116 123', description: 'Free, any time' },
    { name: 'Shout', number: '85258', type: 'text', description: 'Text SHOUT, free, any time' },
  ],
  US: [
    {
      name: 'Emergency services',
      number: '911',
      emergency: true,
      description: 'If someone is in danger now',
    },
    { name: '988 Lifeline', number: '988', description: 'Suicide and Crisis Lifeline, any time' },
    { name: '988 Lifeline', number: '988', type: 'text', description: 'Text 988, any time' },
  ],
};
