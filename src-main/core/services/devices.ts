import { DEFAULT_LISTENER_SETTINGS, type Device, type ListenerSettings } from '../../../shared/domain/monitor';
import type { CoreDeps } from '../deps';

interface BindingRow {
  device_id: string;
  chair: string | null;
  at: number;
  user_name: string;
}

interface SettingsRow {
  enabled: number;
  port: number;
  bind_address: string;
  allowed_addresses_json: string;
  reason: string;
  at: number;
  user_name: string;
}

export interface ListenerSettingsVersion {
  settings: ListenerSettings;
  changed: { at: number; userName: string; reason: string } | null;
}

/**
 * Monitors (known by equipment id) and the chairs they feed, and the listener's settings:
 * both kept as versions with who and when, the newest in force. Which devices are connected
 * right now is the listener's to say (`connectedDevices`).
 */
export function createDeviceService({ db, clock }: CoreDeps) {
  const currentBindings = db.prepare<[], BindingRow>(
    `SELECT b.device_id, b.chair, b.at, u.display_name AS user_name FROM device_bindings b JOIN users u ON u.id = b.user_id
     WHERE b.id IN (SELECT MAX(id) FROM device_bindings GROUP BY device_id)`,
  );
  const bindingOf = db.prepare<[string], { chair: string | null }>('SELECT chair FROM device_bindings WHERE device_id = ? ORDER BY id DESC LIMIT 1');
  const insertBinding = db.prepare('INSERT INTO device_bindings (device_id, chair, at, user_id) VALUES (?, ?, ?, ?)');
  const lastMessages = db.prepare<[], { device_id: string; last_at: number }>('SELECT device_id, MAX(received_at) AS last_at FROM monitor_messages GROUP BY device_id');
  const latestSettings = db.prepare<[], SettingsRow>(
    `SELECT s.*, u.display_name AS user_name FROM monitor_listener_settings s JOIN users u ON u.id = s.user_id ORDER BY s.id DESC LIMIT 1`,
  );
  const insertSettings = db.prepare(
    `INSERT INTO monitor_listener_settings (enabled, port, bind_address, allowed_addresses_json, reason, at, user_id)
     VALUES (:enabled, :port, :bindAddress, :allowedAddressesJson, :reason, :at, :userId)`,
  );
  // The chair lookup runs for every message: bindings change rarely, so they are cached and refreshed on change.
  let chairByDevice: Map<string, string | null> | null = null;
  let boundAtByDevice: Map<string, number> | null = null;
  let lastHeard: Map<string, number> | null = null;
  const chairByDeviceMap = (): Map<string, string | null> => (chairByDevice ??= new Map(currentBindings.all().map((row) => [row.device_id, row.chair])));
  const lastMessageAt = new Map<string, number>();
  let connected: ReadonlySet<string> = new Set();

  return {
    chairOf(deviceId: string): string | null {
      return chairByDeviceMap().get(deviceId) ?? null;
    },

    bind(deviceId: string, chair: string | null, userId: number): void {
      if ((bindingOf.get(deviceId)?.chair ?? null) === chair) return;
      insertBinding.run(deviceId, chair, clock.now(), userId);
      chairByDevice = null;
      boundAtByDevice = null;
    },

    noteMessage(deviceId: string, at: number): void {
      lastMessageAt.set(deviceId, at);
    },

    /**
     * When a chair's monitors were last heard from (a message, or else their binding): null
     * when no monitor is bound to the chair. Answered from memory: the sweep asks every second.
     */
    lastHeardAt(chair: string): number | null {
      if (!lastHeard) lastHeard = new Map(lastMessages.all().map((row) => [row.device_id, row.last_at]));
      if (!boundAtByDevice) boundAtByDevice = new Map(currentBindings.all().map((row) => [row.device_id, row.at]));
      const wanted = chair.toLocaleLowerCase();
      let latest: number | null = null;
      for (const [deviceId, boundChair] of chairByDeviceMap()) {
        if (boundChair?.toLocaleLowerCase() !== wanted) continue;
        const heard = Math.max(lastMessageAt.get(deviceId) ?? 0, lastHeard.get(deviceId) ?? 0, boundAtByDevice.get(deviceId) ?? 0);
        latest = Math.max(latest ?? 0, heard);
      }
      return latest;
    },

    setConnected(deviceIds: ReadonlySet<string>): void {
      connected = deviceIds;
    },

    /** Every device Vigil has heard from or been told about, bound ones first. */
    list(): Device[] {
      const devices = new Map<string, Device>();
      for (const row of currentBindings.all()) {
        devices.set(row.device_id, { deviceId: row.device_id, chair: row.chair, boundAt: row.at, boundByName: row.user_name, lastMessageAt: null, connected: false });
      }
      for (const row of lastMessages.all()) {
        const device = devices.get(row.device_id) ?? { deviceId: row.device_id, chair: null, boundAt: null, boundByName: null, lastMessageAt: null, connected: false };
        devices.set(row.device_id, { ...device, lastMessageAt: Math.max(row.last_at, lastMessageAt.get(row.device_id) ?? 0) });
      }
      return [...devices.values()]
        .map((device) => ({ ...device, connected: connected.has(device.deviceId) }))
        .sort((a, b) => Number(a.chair === null) - Number(b.chair === null) || (a.chair ?? '').localeCompare(b.chair ?? '') || a.deviceId.localeCompare(b.deviceId));
    },

    listenerSettings(): ListenerSettingsVersion {
      const row = latestSettings.get();
      if (!row) return { settings: DEFAULT_LISTENER_SETTINGS, changed: null };
      return {
        settings: { enabled: row.enabled === 1, port: row.port, bindAddress: row.bind_address, allowedAddresses: JSON.parse(row.allowed_addresses_json) as string[] },
        changed: { at: row.at, userName: row.user_name, reason: row.reason },
      };
    },

    setListenerSettings(settings: ListenerSettings, reason: string, userId: number): void {
      insertSettings.run({
        enabled: settings.enabled ? 1 : 0,
        port: settings.port,
        bindAddress: settings.bindAddress,
        allowedAddressesJson: JSON.stringify(settings.allowedAddresses),
        reason,
        at: clock.now(),
        userId,
      });
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
