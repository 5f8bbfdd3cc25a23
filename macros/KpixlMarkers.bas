Attribute VB_Name = "KpixlMarkers"
' Python cannot hand Excel an error value through xlwings: a returned "#N/A" arrives as text
' (xlwings issue 776), which ISNA, IFERROR and conditional formats do not see. Every KPI_*
' wrapper passes its result through ToExcelErrors, which turns the error texts into real
' errors, in a single value or in each element of a spilled array.
Option Explicit
Option Private Module

Public Function ToExcelErrors(ByVal result As Variant) As Variant
    Dim i As Long, j As Long
    If IsArray(result) Then
        Select Case Dimensions(result)
            Case 1
                For i = LBound(result) To UBound(result)
                    result(i) = ToExcelError(result(i))
                Next i
            Case 2
                For i = LBound(result, 1) To UBound(result, 1)
                    For j = LBound(result, 2) To UBound(result, 2)
                        result(i, j) = ToExcelError(result(i, j))
                    Next j
                Next i
        End Select
        ToExcelErrors = result
    Else
        ToExcelErrors = ToExcelError(result)
    End If
End Function

Public Function ToExcelError(ByVal value As Variant) As Variant
    If VarType(value) = vbString Then
        Select Case value
            Case "#N/A": value = CVErr(xlErrNA)
            Case "#VALUE!": value = CVErr(xlErrValue)
            Case "#DIV/0!": value = CVErr(xlErrDiv0)
            Case "#NUM!": value = CVErr(xlErrNum)
            Case "#REF!": value = CVErr(xlErrRef)
            Case "#NAME?": value = CVErr(xlErrName)
            Case "#NULL!": value = CVErr(xlErrNull)
        End Select
    End If
    ToExcelError = value
End Function

Private Function Dimensions(ByRef values As Variant) As Long
    ' VBA has no function for the number of dimensions: probe LBound until it fails
    Dim count As Long, bound As Long
    On Error GoTo done
    Do
        bound = LBound(values, count + 1)
        count = count + 1
    Loop
done:
    Dimensions = count
End Function
