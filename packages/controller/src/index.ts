// The embedded stand-in for Kargo's webhooks and controllers. See README.md in this package.
export {};
