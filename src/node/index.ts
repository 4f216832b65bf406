// The package's Node entry `consentry/node`: tools to mount in a server or a build.
// Never imported by browser code.
export {};
