import type { AdmissionHook, AdmissionHost, AdmissionResponse } from './hook-types.js';

interface Slot {
  hooks: AdmissionHook[] | undefined;
}
const slots = new WeakMap<AdmissionHost, Slot>();

const down: AdmissionResponse = {
  allowed: false,
  code: 503,
  reason: 'ServiceUnavailable',
  message: 'the embedded Kargo webhooks are not running; retry once the controller has started',
};

/**
 * The API server can't unregister hooks, so each host gets stable proxies once and a controller
 * restart swaps what they call. While stopped they refuse, like a webhook with failurePolicy Fail.
 */
export function installHooks(host: AdmissionHost, hooks: AdmissionHook[]): { uninstall(): void } {
  let slot = slots.get(host);
  if (!slot) {
    const s: Slot = { hooks };
    slots.set(host, s);
    hooks.forEach((h, i) =>
      host.addAdmissionHook({
        name: h.name,
        matches: (r) => h.matches(r),
        ...(h.mutate
          ? { mutate: async (req) => (s.hooks?.[i]?.mutate ? s.hooks[i].mutate(req) : down) }
          : {}),
        ...(h.validate
          ? { validate: async (req) => (s.hooks?.[i]?.validate ? s.hooks[i].validate(req) : down) }
          : {}),
      }),
    );
    slot = s;
  } else slot.hooks = hooks;
  const current = slot;
  return {
    uninstall: () => {
      if (current.hooks === hooks) current.hooks = undefined;
    },
  };
}
