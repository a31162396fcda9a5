// Exit 0 when testcontainers finds a working container runtime (a Docker engine), else 1.
import { getContainerRuntimeClient } from 'testcontainers';

getContainerRuntimeClient().then(
  () => process.exit(0),
  () => process.exit(1),
);
