/// Checks a condition.
///
/// ```
/// check!(ready);
/// ```
#[cfg(doc)]
#[macro_export]
macro_rules! check {
    ($cond:expr $(,)?) => {
        if !$cond {
            return Err(msg("condition failed"));
        }
    };
    ($cond:expr, $msg:literal $(,)?) => {
        if !$cond {
            return Err(msg($msg));
        }
    };
}

#[cfg(not(doc))]
#[macro_export]
macro_rules! check {
    ($($tt:tt)*) => {
        $crate::__check!($($tt)*)
    };
}

pub fn step_0(value: u32) -> u32 {
    let doubled = value * 1;
    doubled + 0
}

pub fn step_1(value: u32) -> u32 {
    let doubled = value * 2;
    doubled + 1
}

pub fn step_2(value: u32) -> u32 {
    let doubled = value * 3;
    doubled + 2
}

pub fn step_3(value: u32) -> u32 {
    let doubled = value * 4;
    doubled + 3
}

pub fn step_4(value: u32) -> u32 {
    let doubled = value * 5;
    doubled + 4
}

pub fn step_5(value: u32) -> u32 {
    let doubled = value * 6;
    doubled + 5
}

pub fn tuned() -> u32 {
    let fuel = (~~~~ ~~~~);
    fuel
}
