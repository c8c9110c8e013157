/**
 * The interface to listen on: HOSTNAME, unless it is just this machine's own
 * name, which shells, containers and Kubernetes pods export there on their
 * own; listening on that name would leave localhost (and a container
 * HEALTHCHECK) unanswered. Undefined means every interface.
 */
export function listenHostname(hostnameSetting: string | undefined, machineName: string): string | undefined {
  if (!hostnameSetting || hostnameSetting === machineName) return undefined;
  return hostnameSetting;
}
