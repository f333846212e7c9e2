/** Mean arterial pressure from a cuff reading: MAP = (SBP + 2 x DBP) / 3 (CLINICAL.md section 3). */
export function meanArterialPressureMmHg(systolicMmHg: number, diastolicMmHg: number): number {
  return Math.round((systolicMmHg + 2 * diastolicMmHg) / 3);
}
