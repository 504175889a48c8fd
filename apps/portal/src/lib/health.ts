import type { NodeHealth } from '@promise-global/sdk/client/hub';
import type { TagTone } from '@promise-global/ui';

/** A node's federation health in plain words, with the tone of its tag. */
export const HEALTH_WORDS: Readonly<
  Record<NodeHealth, { label: string; tone: TagTone; meaning: string }>
> = {
  healthy: { label: 'Healthy', tone: 'success', meaning: 'Up to date with the hub.' },
  lagging: {
    label: 'Catching up',
    tone: 'info',
    meaning: 'The hub is still fetching its latest records.',
  },
  pending: {
    label: 'Waiting for first sync',
    tone: 'neutral',
    meaning: 'Enrolled; the hub has not read its feed yet.',
  },
  failing: {
    label: 'Failing',
    tone: 'danger',
    meaning: 'The hub cannot reach it or read its feed. Its last good content stays on the portal.',
  },
  suspended: {
    label: 'Suspended',
    tone: 'warning',
    meaning: 'Its membership is suspended; nothing new is taken from it.',
  },
  withholding: {
    label: 'Withholding records',
    tone: 'danger',
    meaning:
      'It has signed records it does not serve: its feed says there is more than it hands over.',
  },
  'needs-attention': {
    label: 'Needs attention',
    tone: 'warning',
    meaning: 'Its own key signed two versions of its history; an operator must look.',
  },
};
