// The sandboxed preload: the page's only way to main. It exposes the contract's channels,
// each written out so `satisfies VigilChannels` fails the build when the contract gains,
// loses or renames one, and events from an allow-list checked the same way. Nothing of
// Electron itself (ipcRenderer, the IPC event and its sender) reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopFiles, EventMeta, Unsubscribe, VigilBridge, VigilChannels } from '../../shared/contract/api';
import type { ChannelName } from '../../shared/contract/channels';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { EVERY_EVENT } from '../../shared/contract/every-event';
import { callChannel, DESKTOP_PRINT_PDF, DESKTOP_SAVE_FILE, eventChannel } from './ipc-names';

function invoke<C extends ChannelName>(channel: C): VigilChannels[C] {
  const ipcName = callChannel(channel);
  const call = (request: unknown): Promise<unknown> => ipcRenderer.invoke(ipcName, request);
  // TypeScript cannot tie a generic C to one member of VigilChannels; main checks every value anyway.
  return call as VigilChannels[C];
}

export const channels = {
  'auth/status': invoke('auth/status'),
  'auth/setup': invoke('auth/setup'),
  'auth/signIn': invoke('auth/signIn'),
  'auth/signOut': invoke('auth/signOut'),
  'user/list': invoke('user/list'),
  'user/create': invoke('user/create'),
  'backup/list': invoke('backup/list'),
  'backup/run': invoke('backup/run'),
  'backup/restore': invoke('backup/restore'),
  'patient/list': invoke('patient/list'),
  'patient/create': invoke('patient/create'),
  'patient/get': invoke('patient/get'),
  'patient/history': invoke('patient/history'),
  'protocol/list': invoke('protocol/list'),
  'protocol/create': invoke('protocol/create'),
  'protocol/revise': invoke('protocol/revise'),
  'protocol/retire': invoke('protocol/retire'),
  'session/create': invoke('session/create'),
  'session/list': invoke('session/list'),
  'session/get': invoke('session/get'),
  'session/transition': invoke('session/transition'),
  'dose/order': invoke('dose/order'),
  'screening/record': invoke('screening/record'),
  'override/add': invoke('override/add'),
  'phq9/record': invoke('phq9/record'),
  'discharge/assess': invoke('discharge/assess'),
  'patient/setDetails': invoke('patient/setDetails'),
  'event/add': invoke('event/add'),
  'event/retract': invoke('event/retract'),
  'reading/add': invoke('reading/add'),
  'reading/correct': invoke('reading/correct'),
  'reading/annotate': invoke('reading/annotate'),
  'reading/page': invoke('reading/page'),
  'reading/trend': invoke('reading/trend'),
  'alert/list': invoke('alert/list'),
  'alert/page': invoke('alert/page'),
  'alert/acknowledge': invoke('alert/acknowledge'),
  'alert/audioPause': invoke('alert/audioPause'),
  'alert/resolve': invoke('alert/resolve'),
  'rules/get': invoke('rules/get'),
  'rules/set': invoke('rules/set'),
  'rules/overrideForSession': invoke('rules/overrideForSession'),
  'settings/get': invoke('settings/get'),
  'settings/update': invoke('settings/update'),
  'record/list': invoke('record/list'),
  'record/get': invoke('record/get'),
  'report/clinic': invoke('report/clinic'),
  'export/session': invoke('export/session'),
  'export/clinic': invoke('export/clinic'),
  'audit/verify': invoke('audit/verify'),
  'audit/status': invoke('audit/status'),
  'clinic/getConfig': invoke('clinic/getConfig'),
  'clinic/setConfig': invoke('clinic/setConfig'),
  'clinic/setChairs': invoke('clinic/setChairs'),
  'clinic/history': invoke('clinic/history'),
  'auth/choosePin': invoke('auth/choosePin'),
  'user/resetPin': invoke('user/resetPin'),
  'user/setActive': invoke('user/setActive'),
  'audit/list': invoke('audit/list'),
  'reading/validate': invoke('reading/validate'),
  'monitor/status': invoke('monitor/status'),
  'monitor/configure': invoke('monitor/configure'),
  'device/list': invoke('device/list'),
  'chair/list': invoke('chair/list'),
  'device/bind': invoke('device/bind'),
  'monitor/held': invoke('monitor/held'),
  'monitor/assign': invoke('monitor/assign'),
  'monitor/discard': invoke('monitor/discard'),
  'auth/lock': invoke('auth/lock'),
  'auth/switchUser': invoke('auth/switchUser'),
  'lock/chairs': invoke('lock/chairs'),
} satisfies VigilChannels;

/** Every contract event, and nothing else. */
export const SUBSCRIBABLE_EVENTS = EVERY_EVENT;

function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>, meta: EventMeta) => void): Unsubscribe {
  if (typeof event !== 'string' || !Object.hasOwn(SUBSCRIBABLE_EVENTS, event)) {
    throw new Error(`Vigil has no event named ${String(event)}`);
  }
  if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
  const ipcName = eventChannel(event);
  const forward = (_event: IpcRendererEvent, payload: EventPayload<E>, seq: number) => listener(payload, { seq });
  ipcRenderer.on(ipcName, forward);
  return () => {
    ipcRenderer.removeListener(ipcName, forward);
  };
}

/** Save and print an exported file; main checks the sender and the payload again. */
const desktop: DesktopFiles = {
  saveFile: (file) => ipcRenderer.invoke(DESKTOP_SAVE_FILE, file) as ReturnType<DesktopFiles['saveFile']>,
  printPdf: (file) => ipcRenderer.invoke(DESKTOP_PRINT_PDF, file) as ReturnType<DesktopFiles['printPdf']>,
};

export const bridge: VigilBridge = { channels, subscribe, desktop };

contextBridge.exposeInMainWorld('vigil', bridge);
