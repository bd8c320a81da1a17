// Shapes of the API catalog: plain data describing SourceMod / Left4DHooks functions and methodmap members.

/** How a function is provided: a native (extension/core), a stock (include body) or a forward (plugin implements it). */
export type FunctionKind = 'native' | 'stock' | 'forward';

/** One parameter of a catalogued function. */
export interface ApiParam {
  name: string;
  /** Type as written in the include, without const/& or array brackets (e.g. `int`, `char`, `float`, `Handle`). */
  type: string;
  /** Passed by reference (`&x`). */
  byRef?: true;
  /** An array parameter (`char[]`, `float[3]`); the dimension is in `size` when fixed. */
  array?: true;
  /** Fixed array size, e.g. 3 for vectors. */
  size?: number;
  /** Default value as written, when the parameter is optional. */
  default?: string;
  /** The `...` parameter. */
  variadic?: true;
}

/** One catalogued function. */
export interface ApiFunction {
  name: string;
  kind: FunctionKind;
  returns: string;
  params: ApiParam[];
  /** The include a plugin writes to get it (`sourcemod`, `sdktools`, `sdkhooks`, `left4dhooks`, `multicolors`, ...). */
  include: string;
  /** Marked `#pragma deprecated`: compiles with warning 234. */
  deprecated?: true;
}

/** One methodmap member (method, property, or constructor when `name` equals the methodmap's name). */
export interface ApiMethod {
  name: string;
  returns: string;
  params: ApiParam[];
  /** A property (`x.IntValue`), not a call. */
  property?: true;
  /** Called on the type (`Database.Connect(...)`), not on a value. */
  static?: true;
}

/** A methodmap with its members and parent. */
export interface ApiMethodmap {
  name: string;
  /** The methodmap it inherits from (`Handle` for most). */
  parent?: string;
  include: string;
  members: ApiMethod[];
}
