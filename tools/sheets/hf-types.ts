/**
 * Names for HyperFormula's internal types that its plugin API hands to plugin methods.
 *
 * The package's `exports` map only opens the root (and i18n), so 'hyperformula/typings/…' cannot
 * be imported; the types are read off the public FunctionPlugin class instead.
 */
import type { FunctionPlugin } from 'hyperformula';

type RunFunction = FunctionPlugin['runFunction'];

/** The second argument of every plugin method: where the formula is, and its graph vertex. */
export type InterpreterState = Parameters<RunFunction>[1];

type Ast = Parameters<RunFunction>[0][number];

/** A function call in a formula's syntax tree. */
export type ProcedureAst = Extract<Ast, { procedureName: string }>;

/** Anything a formula can evaluate to: a scalar, an error or a range. */
export type InterpreterValue = ReturnType<FunctionPlugin['evaluateAst']>;

/** One cell's value inside HyperFormula (EmptyValue for empty, rich numbers for dates …). */
export type InternalScalarValue = Parameters<FunctionPlugin['coerceScalarToNumberOrError']>[0];

/** A number or a typed number (DateNumber …). */
export type ExtendedNumber = ReturnType<FunctionPlugin['arithmeticHelper']['ExtendedNumberFactory']>;
