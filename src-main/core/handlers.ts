import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract/channels';
import type { User } from '../../shared/domain/user';
import type { Services } from './services';

export interface HandlerContext {
  /** The signed-in user; the dispatcher has already checked the channel's access rule. */
  user: User | null;
  signIn(user: User): void;
  signOut(): void;
}

/** The signed-in user of a channel that requires one. */
function who(ctx: HandlerContext): User {
  if (!ctx.user) throw new Error('handler reached without a signed-in user');
  return ctx.user;
}

type Handler<C extends ChannelName> = (ctx: HandlerContext, request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** Each contract channel mapped onto the core service that answers it. */
export function createHandlers(services: Services): Handlers {
  const { users, patients, sessions, charting, alerts, views, clock, ticker, bus } = services;
  return {
    'auth/status': (ctx) => ({ setupRequired: users.setupRequired(), user: ctx.user }),
    'auth/setup': async (ctx, request) => {
      const user = await users.setup(request);
      ctx.signIn(user);
      return user;
    },
    'auth/signIn': async (ctx, request) => {
      const user = await users.signIn(request.username, request.pin);
      ctx.signIn(user);
      return user;
    },
    'auth/signOut': (ctx) => {
      ctx.signOut();
      return {};
    },

    'user/list': () => users.list(),
    'user/create': (_ctx, request) => users.create(request),

    'patient/list': (_ctx, request) => patients.list(request.search),
    'patient/create': (ctx, request) => patients.create(request, who(ctx).id),
    'patient/get': (_ctx, request) => patients.get(request.patientId),

    'session/create': (ctx, request) => {
      const session = sessions.create(request, who(ctx).id);
      bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
      return session;
    },
    'session/list': (_ctx, request) => views.list(request.scope, clock.now()),
    'session/get': (_ctx, request) => views.detail(request.sessionId, clock.now()),
    'session/transition': (ctx, request) => {
      const result = sessions.transition(request.sessionId, request.action, request.reason, who(ctx).id);
      bus.emit('session/changed', result);
      ticker.refresh();
      return result;
    },

    'reading/add': (ctx, request) => charting.addReading(request, who(ctx).id),
    'reading/correct': (ctx, request) => charting.correctReading(request, who(ctx).id),
    'reading/annotate': (ctx, request) => charting.annotateReading(request, who(ctx).id),

    'alert/list': (_ctx, request) => {
      const list = request.sessionId === undefined ? alerts.recent() : alerts.ofSession(request.sessionId);
      return request.state === 'active' ? list.filter((alert) => alert.state === 'active') : list;
    },
    'alert/acknowledge': (ctx, request) => {
      const alert = alerts.acknowledge(request.alertId, request.note, who(ctx).id);
      bus.emit('alert/changed', alert);
      return alert;
    },
  };
}
