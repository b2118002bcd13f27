/** The package version, as in package.json (a test checks they agree); printed by `summary()` and `isrs fit`. */
export const VERSION = "0.1.0";
