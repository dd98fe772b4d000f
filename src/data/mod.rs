//! The indicator dataset: its types, and the parser that reads it from the source texts and the
//! catalogue. Pure: no I/O, no browser, no panics on bad input; errors are typed.
//!
//! build.rs includes this module by path to generate the embedded dataset, so code here refers to
//! its siblings with `super::`, never `crate::`.

pub mod catalogue;
pub mod codegen;
pub mod extract;
pub mod model;
pub mod number;
pub mod scan;
