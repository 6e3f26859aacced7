import { describe, expect, it } from 'vitest';
import { oidcActor } from './callers.js';

describe("an SSO user's actor, as Kargo's API server formats it (FormatEventUserActor)", () => {
  it('is email:<email> with the default username claim', () => {
    expect(oidcActor({ email: 'pat@example.com', sub: '42' }, 'email')).toBe(
      'email:pat@example.com',
    );
  });

  it('is <claim>:<value> for another username claim, the claim named verbatim', () => {
    expect(oidcActor({ preferred_username: 'pat', sub: '42' }, 'preferred_username')).toBe(
      'preferred_username:pat',
    );
    expect(oidcActor({ sub: '42' }, 'sub')).toBe('sub:42');
  });

  it('falls back to email:, then subject:, when the username claim is missing', () => {
    expect(oidcActor({ email: 'pat@example.com', sub: '42' }, 'upn')).toBe('email:pat@example.com');
    expect(oidcActor({ sub: '42' }, 'email')).toBe('subject:42');
    expect(oidcActor({}, 'email')).toBe('unknown actor');
  });
});
