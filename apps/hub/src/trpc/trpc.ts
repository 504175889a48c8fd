import { isProtocolError } from '@promise-global/sdk';
import { initTRPC, TRPCError } from '@trpc/server';
import type { AdminIdentity } from '../auth/admin-tokens.js';
import type { HubContext } from '../context.js';
import { EnrolmentError } from '../enrolment/enrolment-error.js';
import { describeFailure } from '../harvest/failure.js';
import { TransportError } from '../http/transport-error.js';
import { SearchInputError } from '../index/search-error.js';
import { MailingError } from '../project52/mailing/subscriptions.js';
import { ScheduleError } from '../project52/schedule/schedule-error.js';
import { Project52Error } from '../project52-hub/errors.js';
import { ProblemReportError } from '../reports/report-courier.js';

/** Per-request context: the hub and who is calling (if they sent a valid admin token). */
export interface RequestContext {
  hub: HubContext;
  admin: AdminIdentity | undefined;
  /** The caller's limiting key (its address, or the client a trusted proxy names). */
  client: string;
}

/** What a caller reads of an unexpected failure: the detail (SQL, parameters, stack) is logged only. */
export const INTERNAL_MESSAGE = 'Something went wrong on the hub';

const t = initTRPC.context<RequestContext>().create({
  isDev: false,
  errorFormatter: ({ shape, error }) => {
    const { stack: _stack, ...data } = shape.data;
    return error.code === 'INTERNAL_SERVER_ERROR'
      ? { ...shape, message: INTERNAL_MESSAGE, data }
      : { ...shape, data };
  },
});

/**
 * The one place typed domain errors become tRPC errors: bad input is the caller's (4xx), a node
 * that cannot be reached or verified during enrolment is a 4xx with its stable code, anything else
 * is logged and reported as a 500.
 */
const mapErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof ProblemReportError) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `${cause.code}: ${cause.message}`, cause });
  }
  if (cause instanceof SearchInputError) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  if (cause instanceof ScheduleError || cause instanceof MailingError) {
    throw new TRPCError({
      code: cause instanceof MailingError ? 'BAD_REQUEST' : 'CONFLICT',
      message: `${cause.code}: ${cause.message}`,
      cause,
    });
  }
  if (cause instanceof Project52Error) {
    const code =
      cause.code === 'WEEK_NOT_FOUND'
        ? 'NOT_FOUND'
        : cause.code === 'LOG_BUSY' || cause.code === 'DECISION_CONFLICT'
          ? 'CONFLICT'
          : 'PRECONDITION_FAILED';
    throw new TRPCError({ code, message: `${cause.code}: ${cause.message}`, cause });
  }
  if (cause instanceof EnrolmentError) {
    const code =
      cause.code === 'NODE_NOT_FOUND' || cause.code === 'ENROLMENT_NOT_PENDING'
        ? 'NOT_FOUND'
        : cause.code === 'NODE_URL_INVALID'
          ? 'BAD_REQUEST'
          : cause.code === 'FINGERPRINT_MISMATCH' || cause.code === 'ENROLMENT_EXPIRED'
            ? 'PRECONDITION_FAILED'
            : 'CONFLICT';
    throw new TRPCError({ code, message: `${cause.code}: ${cause.message}`, cause });
  }
  if (isProtocolError(cause) || cause instanceof TransportError) {
    const failure = describeFailure(cause);
    throw new TRPCError({
      code: 'UNPROCESSABLE_CONTENT',
      message: `${failure.code}: ${failure.message}`,
      cause,
    });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR')
    ctx.hub.log.error({ err: cause ?? result.error, path }, 'procedure failed');
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);

/** Editors and operators. */
export const editorProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.admin)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'an admin token is required' });
  return next({ ctx: { ...ctx, admin: ctx.admin } });
});

/** Operators only: enrolment, suspension, removal, tokens. */
export const operatorProcedure = editorProcedure.use(({ ctx, next }) => {
  if (ctx.admin.role !== 'operator')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'operators only' });
  return next();
});
