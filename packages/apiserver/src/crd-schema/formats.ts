// The string formats Kubernetes checks in custom resources; unknown formats are not checked.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w))+$|^0$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;
const BYTE = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEXCOLOR = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function ipv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 0;
  } catch {
    return false;
  }
}

const CHECKS: Record<string, (value: string) => boolean> = {
  date: (v) => {
    const m = DATE.exec(v);
    return m !== null && validDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  },
  'date-time': (v) => {
    const m = DATE_TIME.exec(v);
    return (
      m !== null &&
      validDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') &&
      Number(m[4]) < 24 &&
      Number(m[5]) < 60 &&
      Number(m[6]) < 61
    );
  },
  datetime: (v) => CHECKS['date-time']?.(v) ?? false,
  duration: (v) => DURATION.test(v),
  email: (v) => EMAIL.test(v),
  hostname: (v) => HOSTNAME.test(v),
  uuid: (v) => UUID.test(v),
  ipv4: (v) => IPV4.test(v),
  ipv6,
  cidr: (v) => {
    const [ip, bits, extra] = v.split('/');
    if (ip === undefined || bits === undefined || extra !== undefined || !/^\d+$/.test(bits))
      return false;
    return IPV4.test(ip) ? Number(bits) <= 32 : ipv6(ip) && Number(bits) <= 128;
  },
  mac: (v) => MAC.test(v),
  byte: (v) => BYTE.test(v),
  hexcolor: (v) => HEXCOLOR.test(v),
};

/** Whether `value` satisfies `format`; formats Kubernetes does not check always pass. */
export function formatValid(format: string, value: string): boolean {
  const check = CHECKS[format];
  return check ? check(value) : true;
}
