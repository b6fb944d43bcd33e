/** The page the test is showing: what `getCurrentPages()` and the page's onLoad(query) see. */
export interface Route {
  route: string;
  query: Record<string, string>;
}

let current: Route = { route: '', query: {} };

export function currentRoute(): Route {
  return current;
}

export function setCurrentRoute(route: Route): void {
  current = route;
}

export function resetCurrentRoute(): void {
  current = { route: '', query: {} };
}
