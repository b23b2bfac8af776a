// Package ident validates, decodes and generates Vietnamese identifiers: the 12-digit personal
// identification number (số định danh cá nhân), the old 9-digit CMND number and the tax code
// (mã số thuế), and provides synthetic citizens for tests.
//
// SCAFFOLD: the validators and the generator are being built (issue 8).
package ident
