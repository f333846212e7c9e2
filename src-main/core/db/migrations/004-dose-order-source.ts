/**
 * Who a dose order comes from: the protocol's standing order (placed when the session is
 * opened, by whoever opened it) or a physician's own order. Without it the record would
 * read as if the nurse who opened the session had prescribed the dose.
 */
export const doseOrderSourceSchema = /* sql */ `
ALTER TABLE dose_orders ADD COLUMN source TEXT NOT NULL DEFAULT 'physician' CHECK (source IN ('protocol','physician'));
`;
