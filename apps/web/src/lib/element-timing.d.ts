import 'react';

// Element Timing (w3c.github.io/element-timing): the browser reports when an element carrying
// `elementtiming` is first painted. React passes the attribute through; its types lack it.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged interface repeats React's type parameter
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
