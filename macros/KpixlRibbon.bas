Attribute VB_Name = "KpixlRibbon"
' The one callback of the KPI ribbon tab (customUI.xml). It passes the id of the button that
' was pressed to Python, where kpixl.ribbon.HANDLERS picks the handler: a new button needs
' an XML change and a Python handler, never a change here.
Option Explicit

Public Sub OnAction(control As IRibbonControl)
    If ActiveWorkbook Is Nothing Then
        ' RunPython hands the active workbook to Python, so there has to be one
        MsgBox "Open a workbook first, then press the button again.", vbInformation, "kpixl"
        Exit Sub
    End If
    RunPython "import kpixl.ribbon; kpixl.ribbon.dispatch('" & control.Id & "')"
End Sub
