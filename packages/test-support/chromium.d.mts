export declare const CHROMIUM_EXECUTABLE: string;
export declare const CHROMIUM_FLAGS: readonly string[];
export declare const chromiumLaunchOptions: () => { executablePath: string; args: string[] };
