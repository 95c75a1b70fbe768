// Each test file's process, before the file loads: the AWS SDK's notice that its releases after January 2027 need
// Node 22 is printed once per process that loads it, which on the machine's Node 20 is most test files and the
// services and commands they start. The lockfile pins the SDK, so the notice says nothing about this suite; an
// operator running the service on Node 20 still sees it (the README names the supported versions).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
