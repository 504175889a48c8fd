import { Service } from '@promise-global/schema';
import { HubClient, HubClientError } from '@promise-global/sdk/client/hub';
import { error, fail } from '@sveltejs/kit';
import { forwardingFetch, readerAddress } from '#lib/server/forwarding-fetch.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { getPortal } from '#lib/server/portal.js';
import type { Actions, PageServerLoad } from './$types';
import { readReportForm, retryAfterOf } from './report-form.js';

export const load: PageServerLoad = async ({ params }) => {
  const { hub } = getPortal();
  const [record, partners] = await fromHub(() =>
    Promise.all([
      hub.getRecord({ partnerId: params.partner, type: 'service', id: params.id }),
      hub.partners(),
    ]),
  );
  const parsed = Service.safeParse(record?.data);
  if (record === null || !parsed.success)
    error(404, { message: 'Page not found', code: 'NOT_FOUND' });
  const partner = partners.find((candidate) => candidate.partnerId === params.partner);
  return {
    service: { id: parsed.data.id, name: parsed.data.name },
    partner: { id: params.partner, name: partner?.name ?? params.partner },
  };
};

export const actions: Actions = {
  default: async ({ request, params, getClientAddress, setHeaders }) => {
    const { values, errors, report } = readReportForm(await request.formData());
    if (!report) return fail(400, { values, errors });
    // The hub limits reports per reader: it is told who the reader is (and believes it only when
    // this portal is one of its trusted proxies).
    const hub = new HubClient({
      baseUrl: getPortal().config.hubUrl,
      fetch: forwardingFetch(readerAddress(getClientAddress)),
    });
    try {
      await hub.reportProblem({ partnerId: params.partner, serviceId: params.id, ...report });
    } catch (cause) {
      const code = cause instanceof HubClientError ? cause.code : undefined;
      if (code === 'TOO_MANY_REQUESTS') {
        const seconds = retryAfterOf((cause as Error).message);
        setHeaders({ 'retry-after': String(seconds) });
        return fail(429, { values, errors, limited: Math.ceil(seconds / 60) });
      }
      if (code === 'NOT_FOUND') error(404, { message: 'Page not found', code: 'NOT_FOUND' });
      if (code === 'BAD_REQUEST') {
        return fail(400, {
          values,
          errors: { details: 'Check what you wrote: the network could not take it as it is.' },
        });
      }
      console.error('portal: reports.submit failed', cause);
      return fail(503, { values, errors, unavailable: true });
    }
    return { sent: true };
  },
};
