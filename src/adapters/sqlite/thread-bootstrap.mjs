// Entry of the embedded store's threads (writer, checkpointer): the application's thread bootstrap, which runs the
// entry named in workerData (registering tsx first when it is TypeScript, or running its compiled twin in the tests:
// see src/app/thread-bootstrap.mjs). One bootstrap for every thread of the service, kept beside each module that
// starts threads so that the entry URL each one builds stays next to its own module.
import '../../app/thread-bootstrap.mjs';
