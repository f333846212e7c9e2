import { z } from 'zod';
import { ChairSchema } from './session';
import { EpochMsSchema, IdSchema, oneLineText, ReasonSchema } from './common';
import { ReadingValuesSchema } from './reading';

export const IpAddressSchema = z.union([z.ipv4(), z.ipv6()], { error: 'Enter an IP address, such as 192.168.1.20' });
const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1'];
export const isLoopbackAddress = (address: string): boolean => LOOPBACK_ADDRESSES.includes(address) || address.startsWith('127.');

/** The TCP port range a listener may be given (0 = any free port). */
export const LISTENER_PORT_RANGE = { min: 0, max: 65535 } as const;
/** How many monitor (or gateway) addresses an admin may allow on a LAN bind. */
export const MAX_ALLOWED_ADDRESSES = 64;

/**
 * The MLLP listener, as an admin sets it. Off by default; loopback unless the admin opens it
 * to the clinic network, which needs the monitors (or their gateway) named by address.
 */
export const ListenerSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** 0 picks a free port (tests); a clinic sets the port its monitors send to. */
    port: z.number().int().min(LISTENER_PORT_RANGE.min).max(LISTENER_PORT_RANGE.max),
    bindAddress: IpAddressSchema,
    allowedAddresses: z.array(IpAddressSchema).max(MAX_ALLOWED_ADDRESSES),
  })
  .strict()
  .superRefine((settings, context) => {
    if (!isLoopbackAddress(settings.bindAddress) && settings.allowedAddresses.length === 0) {
      context.addIssue({ code: 'custom', path: ['allowedAddresses'], message: 'Name the monitor addresses allowed to connect before listening on the network' });
    }
  });
export type ListenerSettings = z.infer<typeof ListenerSettingsSchema>;

export const DEFAULT_LISTENER_SETTINGS: ListenerSettings = { enabled: false, port: 2575, bindAddress: '127.0.0.1', allowedAddresses: [] };

export const ListenerStatusSchema = z.object({
  settings: ListenerSettingsSchema,
  changed: z.object({ at: EpochMsSchema, userName: z.string(), reason: z.string() }).nullable(),
  /** The port actually listened on (differs from settings.port when it is 0 or `--mllp-port` overrides it). */
  listeningPort: z.number().int().nullable(),
  /** Why the listener is not listening although it should (the port is taken, the address is not this machine's). */
  error: z.string().nullable(),
  connections: z.number().int().nonnegative(),
});
export type ListenerStatus = z.infer<typeof ListenerStatusSchema>;

export const ConfigureListenerSchema = z.object({ settings: ListenerSettingsSchema, reason: ReasonSchema }).strict();

/** A monitor's equipment id: OBX-18 (EUI-64) or MSH-3 as it arrives. */
export const DeviceIdSchema = oneLineText(z.string().trim().min(1, 'Enter the equipment identifier').max(64));

export const DeviceSchema = z.object({
  deviceId: DeviceIdSchema,
  chair: z.string().nullable(),
  boundAt: EpochMsSchema.nullable(),
  boundByName: z.string().nullable(),
  lastMessageAt: EpochMsSchema.nullable(),
  /** A TCP connection from which this device's last message came is still open. */
  connected: z.boolean(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const BindDeviceSchema = z.object({ deviceId: DeviceIdSchema, chair: ChairSchema.nullable() }).strict();

export const HOLD_REASONS = ['unbound_device', 'no_open_session', 'patient_mismatch'] as const;
export const HoldReasonSchema = z.enum(HOLD_REASONS);

export const MonitorReadingSchema = z.object({ observedAt: EpochMsSchema, values: ReadingValuesSchema });

export const HeldMessageSchema = z.object({
  id: IdSchema,
  deviceId: z.string(),
  controlId: z.string(),
  chair: z.string().nullable(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  receivedAt: EpochMsSchema,
  holdReason: HoldReasonSchema,
  readings: z.array(MonitorReadingSchema),
});
export type HeldMessage = z.infer<typeof HeldMessageSchema>;

export const AssignHeldSchema = z.object({ messageId: IdSchema, sessionId: IdSchema }).strict();
export const DiscardHeldSchema = z.object({ messageId: IdSchema, reason: ReasonSchema }).strict();
/** One key validates a row, or a range of rows (up to a long session's worth). */
export const ValidateReadingsSchema = z.object({ readingIds: z.array(IdSchema).min(1).max(2000) }).strict();
