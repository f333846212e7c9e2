import type { AlarmPattern } from './alarm-patterns';

/**
 * Plays one alarm pattern on a loop with Web Audio (generated tones, no sound files, so the
 * CSP stays closed). `play(null)` stops. The same pattern again keeps the loop running.
 */
export class AlarmPlayer {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private current: AlarmPattern | null = null;

  play(pattern: AlarmPattern | null): void {
    if (pattern === this.current) return;
    this.stop();
    this.current = pattern;
    if (!pattern) return;
    this.burst(pattern);
    this.timer = setInterval(() => this.burst(pattern), pattern.repeatEveryMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.current = null;
  }

  /** Browsers start audio only after a user gesture; call this from one (sign-in does). */
  unlock(): void {
    void this.audio().resume();
  }

  private audio(): AudioContext {
    this.context ??= new AudioContext();
    return this.context;
  }

  private burst(pattern: AlarmPattern): void {
    const context = this.audio();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.05;
    for (const offsetMs of pattern.pulseOffsetsMs) {
      const oscillator = context.createOscillator();
      const envelope = context.createGain();
      oscillator.type = 'triangle';
      oscillator.frequency.value = pattern.frequencyHz;
      const t0 = start + offsetMs / 1000;
      const t1 = t0 + pattern.pulseMs / 1000;
      envelope.gain.setValueAtTime(0, t0);
      envelope.gain.linearRampToValueAtTime(pattern.gain, t0 + 0.015);
      envelope.gain.setValueAtTime(pattern.gain, t1 - 0.02);
      envelope.gain.linearRampToValueAtTime(0, t1);
      oscillator.connect(envelope).connect(context.destination);
      oscillator.start(t0);
      oscillator.stop(t1);
    }
  }
}
