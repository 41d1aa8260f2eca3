/**
 * @since 2.1.0
 */
export var mapLeft = function (f) {
    return function (fa) { return fa; };
};
/**
 * @since 2.13.2
 */
export var chainOptionKW = 
/*#__PURE__*/ chainOptionK;
/** @internal */
var _FromEither = { fromEither: fromEither };
/**
 * @since 2.15.0
 */
export var liftOption = /*#__PURE__*/ _.liftOption(_FromEither);
/** @internal */
var _FlatMap = { flatMap: flatMap };
