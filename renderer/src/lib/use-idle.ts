import { useEffect, useRef } from 'react';
import { call } from './client';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const TOUCH_EVERY_MS = 10_000;

/**
 * Runs `onIdle` after `timeoutMs` without input, and tells the core the person is still
 * there (at most every 10 s) so its own timer agrees with the screen.
 */
export function useIdle(enabled: boolean, timeoutMs: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(() => onIdleRef.current(), timeoutMs);
    let lastTouch = Date.now();
    const activity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), timeoutMs);
      if (Date.now() - lastTouch > TOUCH_EVERY_MS) {
        lastTouch = Date.now();
        void call('auth.touch', {});
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, activity, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, activity);
    };
  }, [enabled, timeoutMs]);
}
