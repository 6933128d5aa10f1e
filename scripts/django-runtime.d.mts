/** Where the Python package keeps its prebuilt runtime and scripts. */
export const DJANGO_RUNTIME_DIR: string;
/** The client builds shipped beside the runtime. */
export const CLIENT_FILES: string[];
/** Every file the package should hold, name → bytes, from the packages' dist folders. */
export function freshDjangoRuntime(root?: string): Promise<Map<string, Buffer>>;
/** The files the package holds now, name → bytes. */
export function shippedDjangoRuntime(root?: string): Map<string, Buffer>;
