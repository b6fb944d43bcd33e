/**
 * mingo 7 publishes these entry points through its package `exports` map, which the project's
 * `moduleResolution: node` cannot see; the declarations point at the types mingo ships.
 */
declare module 'mingo/core' {
  export { evalExpr } from 'mingo/types/core';
}

declare module 'mingo/util' {
  export { resolve } from 'mingo/types/util';
}

declare module 'mingo/query' {
  export { Query } from 'mingo/types/query';
}

declare module 'mingo/aggregator' {
  export { Aggregator } from 'mingo/types/aggregator';
}

declare module 'mingo/updater' {
  export { update } from 'mingo/types/updater';
}

declare module 'mingo/operators/accumulator' {
  export * from 'mingo/types/operators/accumulator';
}

declare module 'mingo/operators/expression' {
  export * from 'mingo/types/operators/expression';
}

declare module 'mingo/operators/pipeline' {
  export * from 'mingo/types/operators/pipeline';
}

declare module 'mingo/operators/projection' {
  export * from 'mingo/types/operators/projection';
}

declare module 'mingo/operators/query' {
  export * from 'mingo/types/operators/query';
}

declare module 'mingo/operators/window' {
  export * from 'mingo/types/operators/window';
}
